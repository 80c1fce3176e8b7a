/**
 * The tools every run may use, in the order their preludes and transforms apply.
 * Each tool decides from the request whether it is needed (SandboxTool.wants).
 */
import type { SandboxTool } from './engine/tool';

export const ALL_TOOLS: SandboxTool[] = [];
