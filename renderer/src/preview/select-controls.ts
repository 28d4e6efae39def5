// Hands a click's controls to the curve editor. The editor listens for this window event (it
// owns its selection; the preview only suggests one), so neither side imports the other.
export const SELECT_CONTROLS_EVENT = 'rigsolve:select-controls';

export interface SelectControlsDetail {
  /** Controls to select, in control order. */
  readonly controls: readonly string[];
  /** The control that moves the clicked vertex most (the one to scroll to / focus). */
  readonly primary: string;
  readonly source: 'head-preview';
}

export function selectControls(controls: readonly string[], primary: string, target: EventTarget = window): void {
  const detail: SelectControlsDetail = { controls: [...controls], primary, source: 'head-preview' };
  target.dispatchEvent(new CustomEvent<SelectControlsDetail>(SELECT_CONTROLS_EVENT, { detail }));
}
