/** The memory tool and what its results are made of. */
export { memoryTool, memoryOptions } from './tool';
export { instrumentForMemory, planMemoryProfile } from './transform';
export { renderLineTable, renderLineTables, renderTimelineCsv, renderSpans } from './text';
export { formatBytes, formatBytesDelta, formatMiB, formatCount, formatCountDelta } from './format';
export type * from './types';
