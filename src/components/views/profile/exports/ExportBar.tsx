/**
 * Downloads under every profile view: Chrome .cpuprofile (DevTools, speedscope),
 * speedscope's own JSON (call order, exact times), folded stacks (flamegraph.pl, speedscope), DOT (Graphviz) and CSV (spreadsheets).
 * Each renderer is loaded only when its button is pressed.
 */
import { useState } from 'react';
import type { Profile } from '../../../../sandbox/types';
import { EXPORT_FORMATS, type ExportFormat } from '../common/exporters';
import { baseName, downloadText } from './download';

export function ExportBar({ profile, cellId }: { profile: Profile; cellId: string }) {
  const [status, setStatus] = useState('');
  async function save(format: ExportFormat) {
    try {
      const text = await format.render(profile);
      const filename = `${baseName(profile.meta.filename, cellId)}.${format.extension}`;
      downloadText(text, filename, format.mime);
      setStatus(`Saved ${filename}.`);
    } catch (error) {
      setStatus(`Could not export ${format.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return (
    <div className="wb-prof-exports" role="group" aria-label="Download this profile">
      <span className="wb-prof-exports-label">Download:</span>
      {EXPORT_FORMATS.map((format) => (
        <button key={format.id} type="button" data-export={format.id} onClick={() => void save(format)}>
          {format.label}
        </button>
      ))}
      <span className="wb-visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
