/** The benchmark helpers (bench, compare, growth) and their result types. */
export { benchTool } from './tool';
export type * from './types';
