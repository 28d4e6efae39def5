// Icons of the solve, review and export features, drawn like ./Icon (16×16 grid,
// stroked with currentColor, inline: the CSP forbids icon fonts and a stage laptop may be offline).
const PATHS = {
  solve: 'M3 13l6.5-6.5M10.5 2.5v2M13.5 5.5h-2M12.6 3.4l-1.4 1.4M8 3.5l.6 1.2M12.5 8l-1.2-.6M9.5 6.5l1 1',
  stop: 'M4.5 4.5h7v7h-7z',
  takes: 'M8 2.5l5.5 3-5.5 3-5.5-3zM2.5 8.5l5.5 3 5.5-3M2.5 11l5.5 3 5.5-3',
  crop: 'M4.5 1.5v10h10M1.5 4.5h10v10',
  note: 'M3 2.5h10v8H8l-3 3v-3H3z',
  review: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  export: 'M8 10V2M4.5 5.5L8 2l3.5 3.5M2.5 9.5v4h11v-4',
  user: 'M8 8a2.8 2.8 0 1 0 0-5.6A2.8 2.8 0 0 0 8 8zM2.5 14c.6-2.8 2.8-4.3 5.5-4.3s4.9 1.5 5.5 4.3',
  chevron: 'M4.5 6.5L8 10l3.5-3.5',
  resolved: 'M8 14a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM5.3 8.2l1.9 1.9 3.6-3.8',
  reopen: 'M8 14a6 6 0 1 0 0-12 6 6 0 0 0 0 12z',
  compare: 'M6 2.5v11M10 2.5v11M2.5 5.5L6 8l-3.5 2.5M13.5 5.5L10 8l3.5 2.5',
  inPoint: 'M6 3v10M6 3h4M6 13h4',
  outPoint: 'M10 3v10M10 3H6M10 13H6',
  flag: 'M3.5 14V2.5M3.5 3h8l-1.8 2.8L11.5 8.5h-8',
  reset: 'M3 8a5 5 0 1 0 1.5-3.6M3 2.5v3h3',
  pen: 'M2.5 13.5l1-3.5 7.5-7.5 2.5 2.5-7.5 7.5zM9.5 4l2.5 2.5',
  arrow: 'M3 13L13 3M7 3h6v6',
  erase: 'M6 13.5h7.5M2.5 10l6-6.5 4.5 4.5-5.5 5.5H5.5z',
  undo: 'M5.5 3.5L2.5 6.5l3 3M2.5 6.5h7a4 4 0 0 1 0 8H7',
} as const;

export type FeatureIconName = keyof typeof PATHS;

export function FeatureIcon({ name, title }: { name: FeatureIconName; title?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.3}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {title ? <title>{title}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
