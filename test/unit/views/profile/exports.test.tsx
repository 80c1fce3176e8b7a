// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExportBar } from '../../../../src/components/views/profile/exports/ExportBar';
import { loadProfile } from './load-fixture';

afterEach(cleanup);

describe('export bar', () => {
  it('downloads .cpuprofile, speedscope JSON, folded stacks, DOT and CSV with the renderers’ text', async () => {
    const saved: Array<{ name: string; text: string }> = [];
    const blobs = new Map<string, Blob>();
    let n = 0;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:${n++}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      void blobs.get(this.href)!.text().then((text) => saved.push({ name: this.download, text }));
    });
    const profile = loadProfile('sleeper');
    render(<ExportBar profile={profile} cellId="sleeper" />);
    for (const id of ['cpuprofile', 'speedscope', 'folded', 'dot', 'csv']) {
      fireEvent.click(document.querySelector(`[data-export="${id}"]`)!);
    }
    await waitFor(() => expect(saved).toHaveLength(5), { timeout: 15_000 }); // five renderers loaded on demand, on a busy machine
    const byName = Object.fromEntries(saved.map((s) => [s.name, s.text]));
    expect(JSON.parse(byName['sleeper.cpuprofile']).nodes.length).toBeGreaterThan(5);
    expect(JSON.parse(byName['sleeper.speedscope.json']).$schema).toBe('https://www.speedscope.app/file-format-schema.json');
    expect(byName['sleeper.folded.txt']).toMatch(/function1.*;.*sleep.* 5000\d{3}/);
    expect(byName['sleeper.dot']).toMatch(/^digraph/);
    expect(byName['sleeper.csv'].split('\n')[0]).toMatch(/ncalls/);
    expect(screen.getByRole('status').textContent).toMatch(/^Saved sleeper\./);
  });
});
