/**
 * The profile viewer page: a file dropped on the zone or picked with the
 * button is parsed in a worker (a progress bar appears after half a second),
 * then shown with the cells' result views. Nothing leaves the page.
 */
import { reactReady } from '../cell/react-dev-preamble';
import { importInWorker } from './import-client';
import { importedResult, viewsFor } from './imported-result';
import type { ProfileTransform } from '../../sandbox/profile/transform';

const PROGRESS_DELAY_MS = 500;

function boot(root: HTMLElement) {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const zone = root.querySelector<HTMLElement>('[data-drop-zone]')!;
  const progress = root.querySelector<HTMLElement>('[data-viewer-progress]')!;
  const status = root.querySelector<HTMLElement>('[data-viewer-status]')!;
  const error = root.querySelector<HTMLElement>('[data-viewer-error]')!;
  const results = root.querySelector<HTMLElement>('[data-viewer-results]')!;
  let handle: { render(props: unknown): void; unmount(): void } | undefined;
  let generation = 0;

  async function open(file: File) {
    const mine = ++generation;
    error.hidden = true;
    status.textContent = `Reading ${file.name}…`;
    const timer = setTimeout(() => (progress.hidden = false), PROGRESS_DELAY_MS);
    const views = reactReady().then(() => import('../cell/mount-results')); // React and the views load while the worker parses
    const reply = await importInWorker(file);
    clearTimeout(timer);
    if (mine !== generation) return;
    progress.hidden = true;
    if (!reply.ok) {
      status.textContent = '';
      error.textContent = `${file.name}: ${reply.message}`;
      error.hidden = false;
      return;
    }
    const { profile } = reply;
    status.textContent = `${file.name}: ${profile.meta.source} profile, ${profile.frames.length} functions.`;
    const { mountResults } = await views;
    if (mine !== generation) return;
    handle?.unmount();
    handle = mountResults(results);
    const props = { result: importedResult(profile), show: viewsFor(profile), code: '', cellId: 'viewer', imported: true };
    // The expanded inspector works here as in the cells: the whole window for a big profile.
    const onExpand = (viewId: string, transforms: ProfileTransform[]) =>
      void import('../cell/inspector').then(({ openInspector }) =>
        openInspector({ ...props, initialTab: viewId, initialTransforms: transforms }, `Profile of ${file.name}`),
      );
    handle.render({ ...props, onExpand });
  }

  input.addEventListener('change', () => {
    if (input.files?.[0]) void open(input.files[0]);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.dataset.over = 'true';
  });
  zone.addEventListener('dragleave', () => delete zone.dataset.over);
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    delete zone.dataset.over;
    const file = event.dataTransfer?.files[0];
    if (file) void open(file);
  });
  root.dataset.ready = 'true';
}

document.querySelectorAll<HTMLElement>('[data-profile-viewer]').forEach(boot);
