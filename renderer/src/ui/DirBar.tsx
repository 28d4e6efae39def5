// The bar over a folder list: up one folder, and where the list is.
import type { DirListing } from '../../../electron/common/api/schemas';
import { Icon } from './Icon';
import './dir-browser.css';

export function DirBar({ listing, go }: { listing: DirListing | null; go: (path: string) => unknown }) {
  const parent = listing?.parent;
  return (
    <div className="dir-browser-bar">
      <button className="btn icon ghost" title="Up one folder" aria-label="Up one folder" disabled={!parent} onClick={() => parent && go(parent)}>
        <Icon name="up" />
      </button>
      <span className="mono dim dir-current">{listing?.path ?? '…'}</span>
    </div>
  );
}
