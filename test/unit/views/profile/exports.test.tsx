// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExportBar } from '../../../../src/components/views/profile/exports/ExportBar';
import { loadProfile } from './load-fixture';
import { importPstats } from '../../../../src/sandbox/profile/import/pstats';
import { flatRows } from '../../../../src/sandbox/profile/flat';

afterEach(cleanup);

describe('export bar', () => {
  it('downloads .cpuprofile, speedscope JSON, folded stacks, DOT, CSV and .pstats with the renderers’ output', async () => {
    const saved: Array<{ name: string; text: string; bytes: Uint8Array }> = [];
    const blobs = new Map<string, Blob>();
    let n = 0;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:${n++}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      void blobs
        .get(this.href)!
        .arrayBuffer()
        .then((buffer) => saved.push({ name: this.download, text: new TextDecoder().decode(buffer), bytes: new Uint8Array(buffer) }));
    });
    const profile = loadProfile('sleeper');
    render(<ExportBar profile={profile} cellId="sleeper" />);
    for (const id of ['cpuprofile', 'speedscope', 'folded', 'dot', 'csv', 'pstats']) {
      fireEvent.click(document.querySelector(`[data-export="${id}"]`)!);
    }
    // Each renderer is a dynamic import: allow for a loaded machine.
    await waitFor(() => expect(saved).toHaveLength(6), { timeout: 20_000 });
    const byName = Object.fromEntries(saved.map((s) => [s.name, s.text]));
    expect(JSON.parse(byName['sleeper.cpuprofile']).nodes.length).toBeGreaterThan(5);
    expect(JSON.parse(byName['sleeper.speedscope.json']).$schema).toBe('https://www.speedscope.app/file-format-schema.json');
    expect(byName['sleeper.folded.txt']).toMatch(/function1.*;.*sleep.* 5000\d{3}/);
    expect(byName['sleeper.dot']).toMatch(/^digraph/);
    expect(byName['sleeper.csv'].split('\n')[0]).toMatch(/ncalls/);
    // The .pstats bytes are the exporter's own, unmangled by text encoding.
    const pstats = saved.find((s) => s.name === 'sleeper.pstats')!.bytes;
    expect(importPstats(pstats, 'sleeper.pstats').stats!.functions.length).toBe(flatRows(profile).length);
    expect(screen.getByRole('status').textContent).toMatch(/^Saved sleeper\./);
  });
});
