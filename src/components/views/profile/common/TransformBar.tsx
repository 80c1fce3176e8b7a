/**
 * The bar above the tree and table views that transforms the profile they
 * draw: pick a function, focus on it, merge it into its callers or collapse
 * its recursion, invert the tree ("who calls this"), and undo any step.
 * The applied steps stay in sight ("Transformed: …"), so the learner knows the
 * views no longer show the raw run.
 */
import { useMemo, useState } from 'react';
import type { Profile } from '../../../../sandbox/types';
import { describeTransform, transformChoices, type ProfileTransform } from './processors';

export interface TransformBarProps {
  /** The untransformed profile: the transforms name its frames. */
  profile: Profile;
  transforms: ProfileTransform[];
  onChange(next: ProfileTransform[]): void;
  /** Unique per bar on the page (a results area renders one per view). */
  idPrefix: string;
}

export function TransformBar({ profile, transforms, onChange, idPrefix }: TransformBarProps) {
  const choices = useMemo(() => transformChoices(profile), [profile]);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  // The choice is kept while the new run still has it; otherwise the heaviest function.
  const frame = choices.some((c) => c.frame === chosen) ? chosen : choices[0]?.frame;
  const inverted = transforms.some((t) => t.kind === 'invert');
  const add = (kind: 'focus' | 'merge' | 'collapse-recursion') => {
    if (frame !== undefined) onChange([...transforms, { kind, frame }]);
  };
  const toggleInvert = () => onChange(inverted ? transforms.filter((t) => t.kind !== 'invert') : [...transforms, { kind: 'invert' }]);
  const selectId = `${idPrefix}-transform-function`;
  const names = transforms.map((t) => describeTransform(profile, t));

  return (
    <div className="wb-prof wb-transform-bar" role="group" aria-label="Transform the profile">
      <div className="wb-prof-controls">
        <label htmlFor={selectId}>Function</label>
        <select id={selectId} value={frame ?? ''} onChange={(event) => setChosen(Number(event.target.value))} disabled={!choices.length}>
          {choices.map((c) => (
            <option key={c.frame} value={c.frame}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => add('focus')} disabled={frame === undefined}>
          Focus on it
        </button>
        <button type="button" onClick={() => add('merge')} disabled={frame === undefined}>
          Merge into callers
        </button>
        <button type="button" onClick={() => add('collapse-recursion')} disabled={frame === undefined}>
          Collapse recursion
        </button>
        <button type="button" aria-pressed={inverted} onClick={toggleInvert}>
          Invert (who calls this)
        </button>
      </div>
      {transforms.length > 0 && (
        <div className="wb-transform-applied">
          <p className="wb-transform-line" role="status">
            Transformed: {names.join(' › ')}
          </p>
          <ul className="wb-transform-chips" aria-label="Applied transforms">
            {transforms.map((t, i) => (
              <li key={`${i}-${names[i]}`}>
                <span>{names[i]}</span>
                <button type="button" aria-label={`Remove: ${names[i]}`} title={`Remove: ${names[i]}`} onClick={() => onChange(transforms.filter((_, j) => j !== i))}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => onChange([])}>
            Reset
          </button>
        </div>
      )}
    </div>
  );
}
