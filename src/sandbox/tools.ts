/**
 * The tools every run may use, in the order their preludes and transforms apply.
 * Each tool decides from the request whether it is needed (SandboxTool.wants):
 * the benchmark helpers are always there; the memory profiler and the profiler
 * only when a view or an option asks for them; exercise checks run last.
 */
import type { SandboxTool } from './engine/tool';
import { benchTool } from './bench/index';
import { memoryTool } from './memory/index';
import { lineTool } from './lines/tool';
import { profilerTool } from './profiler/tool';
import { checkTool } from './exercises/tool';

export const ALL_TOOLS: SandboxTool[] = [benchTool, memoryTool, lineTool, profilerTool, checkTool];
