/** Every result view a cell can offer with `show=`, merged from each area's registry. */
import type { ViewRegistry } from './types';
import { views as consoleViews } from './console/index';
import { views as profileViews } from './profile/index';
import { views as memoryViews } from './memory/index';
import { views as lineViews } from './lines/index';

export const VIEWS: ViewRegistry = { ...consoleViews, ...profileViews, ...memoryViews, ...lineViews };
