/**
 * The profile model's processors and renderers in one import. Processors
 * derive data from a Profile (never stored twice); renderers turn a Profile
 * into text or files. Views and the CLI use these; none of them records.
 */
export * from './model';
export * from './flat';
export * from './sort';
export * from './restrict';
export * from './partners';
export * from './callgraph';
export * from './tree';
export * from './diff';
export * from './call-order';
export * from './render/stats-text';
export * from './render/tree-text';
export * from './render/dot';
export * from './render/folded';
export * from './render/csv';
export * from './render/cpuprofile';
export * from './render/speedscope';
export * from './render/heat';
