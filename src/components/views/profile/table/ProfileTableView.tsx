/** The `profile` view: the cProfile table for the run, with copy as text or CSV. */
import { useState } from 'react';
import type { ViewProps } from '../../types';
import { ProfileNotes } from '../common/ProfileNotes';
import { EXPORT_FORMATS } from '../common/exporters';
import { copyText } from '../exports/download';
import { ExportBar } from '../exports/ExportBar';
import { StatsTable } from './StatsTable';
import { statsText } from '../common/text';

export function ProfileTableView({ result, cellId, recorded }: ViewProps) {
  const profile = result.profile!;
  const [copied, setCopied] = useState('');
  async function copy(kind: 'text' | 'csv') {
    const text = kind === 'text' ? await statsText(profile) : ((await EXPORT_FORMATS.find((f) => f.id === 'csv')!.render(profile)) as string);
    setCopied((await copyText(text)) ? `Copied the table as ${kind === 'text' ? 'text' : 'CSV'}.` : 'The browser refused the clipboard; use Download CSV below.');
  }
  return (
    <div className="wb-prof wb-prof-table-view">
      <ProfileNotes profile={profile} />
      <StatsTable profile={profile} recorded={recorded} caption={`Profile of ${profile.meta.filename}`} />
      {!recorded && (
        <div className="wb-prof-copy" role="group" aria-label="Copy the table">
          <button type="button" onClick={() => void copy('text')}>
            Copy as text
          </button>
          <button type="button" onClick={() => void copy('csv')}>
            Copy as CSV
          </button>
          <span role="status">{copied}</span>
        </div>
      )}
      {!recorded && <ExportBar profile={profile} cellId={cellId} />}
    </div>
  );
}
