// Which version of each shot's rig the head preview loads: bumped when shot.setRig applies, so the
// preview fetches rig/<shot>?v=<n> again even when the path is unchanged (a re-exported file).
import { create } from 'zustand';

interface RigVersions {
  readonly versions: Readonly<Record<number, number>>;
}

export const useRigVersions = create<RigVersions>(() => ({ versions: {} }));

export function bumpRigVersion(shotId: number): void {
  useRigVersions.setState((s) => ({ versions: { ...s.versions, [shotId]: (s.versions[shotId] ?? 0) + 1 } }));
}

/** The preview's rig address for a shot: rig/<shot>, with a query that changes when the rig does. */
export function rigDataPath(shotId: number, rigPath: string | null, version: number): string {
  return `rig/${shotId}?v=${version}-${rigPath === null ? 'default' : encodeURIComponent(rigPath)}`;
}
