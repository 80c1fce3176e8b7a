/**
 * One set of profile transforms per results area, shared by every profile view
 * that draws a tree or a table (the timeline and the comparison keep the run as
 * it was recorded). A new run keeps the transforms whose functions it still has.
 */
import { useMemo, useState } from 'react';
import type { Profile, RunResult } from '../../sandbox/types';
import { applyTransforms, carryTransforms, type ProfileTransform } from '../views/profile/common/processors';

/** The views that show the transformed profile (and the bar that transforms it). */
export const TRANSFORMABLE_VIEWS: ReadonlySet<string> = new Set(['profile', 'callgraph', 'icicle', 'tree']);

export interface ProfileTransforms {
  transforms: ProfileTransform[];
  setTransforms(next: ProfileTransform[]): void;
  /** The result with its profile transformed (the result itself when nothing is applied). */
  transformed?: RunResult;
}

export function useProfileTransforms(result: RunResult | undefined, initial: ProfileTransform[] = []): ProfileTransforms {
  // `profile` is the one the transforms' frame indices refer to.
  const [state, setState] = useState<{ profile?: Profile; transforms: ProfileTransform[] }>(() => ({ profile: result?.profile, transforms: initial }));
  let transforms = state.transforms;
  const next = result?.profile;
  if (next && next !== state.profile) {
    // A new run: carried over during render (React's "state from the previous render"),
    // so no frame index of the old run ever meets the new profile.
    transforms = state.profile ? carryTransforms(state.transforms, state.profile, next) : state.transforms;
    setState({ profile: next, transforms });
  }
  const transformed = useMemo(
    () => (result?.profile && transforms.length ? { ...result, profile: applyTransforms(result.profile, transforms) } : result),
    [result, transforms],
  );
  return { transforms, setTransforms: (t) => setState((s) => ({ ...s, transforms: t })), transformed };
}
