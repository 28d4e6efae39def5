// The shot browser's view state — status filter, sort, selection — kept outside the view, so a
// supervisor who opens a shot from "in review" comes back to the same filtered, sorted list.
import { create } from 'zustand';
import type { ShotStatus } from '../../../electron/common/api/schemas';
import { EMPTY_SELECTION, type Selection } from './shot-selection';

/** The shot list's sort columns (review/status-filter.ts sorts by them). */
export type SortKey = 'name' | 'status' | 'frames' | 'imported' | 'statusAt' | 'scene' | 'captureTake' | 'actor' | 'startTimecode';
export type SortDir = 'asc' | 'desc';
export interface SortSpec {
  key: SortKey;
  dir: SortDir;
}

interface BrowserViewState {
  statuses: ReadonlySet<ShotStatus>;
  sort: SortSpec;
  selection: Selection;
}

export const useBrowserView = create<BrowserViewState>()(() => ({
  statuses: new Set<ShotStatus>(),
  sort: { key: 'name', dir: 'asc' },
  selection: EMPTY_SELECTION,
}));
