// Inline SVG icons (no icon font or network fetch: the CSP allows neither, and a stage laptop
// may be offline). 16×16 grid, stroked with currentColor.
const PATHS = {
  play: 'M5 3.5v9l7.5-4.5z',
  pause: 'M4.5 3.5h2.5v9H4.5zM9 3.5h2.5v9H9z',
  stepBack: 'M11.5 3.5v9L6 8zM4.5 3.5v9',
  stepFwd: 'M4.5 3.5v9L10 8zM11.5 3.5v9',
  first: 'M12.5 3.5v9L7.5 8zM7.5 3.5v9L2.5 8zM2.5 3.5v9',
  last: 'M3.5 3.5v9L8.5 8zM8.5 3.5v9l5-4.5zM13.5 3.5v9',
  loop: 'M3 8a4 4 0 0 1 4-4h4.5M10 2l1.8 2L10 6M13 8a4 4 0 0 1-4 4H4.5M6 14l-1.8-2L6 10',
  folder: 'M1.5 4a1 1 0 0 1 1-1h3.6l1.4 1.6h6a1 1 0 0 1 1 1v6.9a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z',
  film: 'M2.5 2.5h11v11h-11zM2.5 5.5h11M2.5 10.5h11M5 2.5v3M8 2.5v3M11 2.5v3M5 10.5v3M8 10.5v3M11 10.5v3',
  image: 'M2.5 3h11v10h-11zM2.5 11l3.5-3.5 3 3 2-2 2.5 2.5M10.5 6.2a.9.9 0 1 0 0 .1',
  import: 'M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 11.5v2h11v-2',
  open: 'M1.5 4a1 1 0 0 1 1-1h3.6l1.4 1.6h6a1 1 0 0 1 1 1V7M1.5 4v8.5h11l2-5.5H4z',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3',
  back: 'M10 3L5 8l5 5',
  up: 'M8 3v10M4 7l4-4 4 4',
  close: 'M4 4l8 8M12 4l-8 8',
  warn: 'M8 2l6.5 11.5h-13zM8 6.5v3.5M8 11.6v.2',
  help: 'M6 6a2 2 0 1 1 3 1.7c-.7.4-1 .9-1 1.6v.4M8 11.8v.2',
  panel: 'M2 3h12v10H2zM10 3v10',
  check: 'M3 8.5l3 3 7-7',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.5 10.5L14 14',
} as const;

export type IconName = keyof typeof PATHS;

const FILLED: ReadonlySet<IconName> = new Set<IconName>(['play', 'pause', 'stepBack', 'stepFwd', 'first', 'last']);

export function Icon({ name, title }: { name: IconName; title?: string }) {
  const filled = FILLED.has(name);
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={filled ? 1 : 1.3}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {title ? <title>{title}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
