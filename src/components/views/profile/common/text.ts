/**
 * Plain-text renderings, exactly what the CLI prints (the profiler's renderers),
 * loaded on demand: the cProfile table and the pyinstrument tree.
 */
import type { Profile } from '../../../../sandbox/types';
import type { SortKey } from '../../../../sandbox/profile/sort';
import type { TreeOptions } from '../../../../sandbox/profile/tree';

export async function statsText(profile: Profile, sort: SortKey[] = ['tottime']): Promise<string> {
  return (await import('../../../../sandbox/profile/render/stats-text')).renderStatsText(profile, { sort });
}

export async function treeText(profile: Profile, options: TreeOptions): Promise<string> {
  return (await import('../../../../sandbox/profile/render/tree-text')).renderTreeText(profile, options);
}
