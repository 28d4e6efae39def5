// In-app folder picker over fs.listDir: the browser host cannot open a native dialog, and the
// same picker under Electron keeps one workflow for both. Shows how many media files each
// folder holds, so the capture's RGB and normal folders are easy to spot.
import { useEffect, useState } from 'react';
import { Icon } from '../../ui/Icon';
import { useDirListing } from '../../ui/use-dir-listing';
import { breadcrumbs, extension, isVideoFile } from '../../state/paths';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'tif', 'tiff', 'exr', 'bmp', 'webp', 'dpx']);

interface Props {
  /** Where to start; null lets the host choose (its default capture root or home). */
  startPath: string | null;
  onUseRgb: (path: string) => void;
  onUseNormal: (path: string) => void;
  disabled?: boolean;
}

export function FolderPicker({ startPath, onUseRgb, onUseNormal, disabled }: Props) {
  const dir = useDirListing();
  const { listing, error, loading } = dir;
  const [pathInput, setPathInput] = useState(startPath ?? '');
  const [selected, setSelected] = useState<string | null>(null);

  const go = async (path: string | null) => {
    const l = await dir.go(path);
    if (!l) return;
    setPathInput(l.path);
    setSelected(null);
  };

  useEffect(() => {
    void go(startPath);
    // Only the first listing comes from props; after that the user drives.
  }, []);

  const entries = listing?.entries ?? [];
  const dirs = entries.filter((e) => e.kind === 'dir');
  const videos = entries.filter((e) => e.kind === 'file' && isVideoFile(e.name));
  const imageCount = entries.filter((e) => e.kind === 'file' && IMAGE_EXTENSIONS.has(extension(e.name))).length;
  const target = selected ?? listing?.path ?? null;
  const targetEntry = entries.find((e) => e.path === target);
  const targetIsVideo = targetEntry ? targetEntry.kind === 'file' : false;

  return (
    <div className="picker" data-testid="folder-picker">
      <div className="picker-bar">
        <button
          className="btn icon"
          title="Up one folder"
          aria-label="Up one folder"
          disabled={!listing?.parent || disabled}
          onClick={() => listing?.parent && void go(listing.parent)}
        >
          <Icon name="up" />
        </button>
        <input
          className="input mono picker-path"
          data-testid="picker-path"
          value={pathInput}
          spellCheck={false}
          placeholder="Type a folder path and press Enter"
          disabled={disabled}
          onChange={(e) => setPathInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void go(pathInput.trim() || null);
            }
          }}
        />
        {loading ? <span className="spinner" /> : null}
      </div>
      {listing ? (
        <div className="picker-crumbs">
          {breadcrumbs(listing.path).map((c, i, all) => (
            <span key={c.path}>
              <button className="crumb-link" disabled={disabled} onClick={() => void go(c.path)}>
                {c.label}
              </button>
              {i < all.length - 1 && c.label !== '/' ? <span className="sep">›</span> : null}
            </span>
          ))}
        </div>
      ) : null}
      <div className="picker-list" role="listbox" aria-label="Folder contents">
        {error ? <div className="panel-msg error">{error}</div> : null}
        {!error && listing && dirs.length === 0 && videos.length === 0 ? (
          <div className="panel-msg faint">{imageCount > 0 ? 'No sub-folders. This folder holds the images below.' : 'This folder is empty.'}</div>
        ) : null}
        {[...dirs, ...videos].map((e) => (
          <div
            key={e.path}
            role="option"
            aria-selected={selected === e.path}
            className={`picker-entry${selected === e.path ? ' selected' : ''}`}
            data-testid="picker-entry"
            data-name={e.name}
            onClick={() => !disabled && setSelected(e.path)}
            onDoubleClick={() => {
              if (disabled) return;
              if (e.kind === 'dir') void go(e.path);
              else onUseRgb(e.path);
            }}
          >
            <Icon name={e.kind === 'dir' ? 'folder' : 'film'} />
            <span className="picker-name">{e.name}</span>
            {e.kind === 'dir' && e.mediaCount ? (
              <span className="media-count num" title="Image or video files in this folder">
                {e.mediaCount} files
              </span>
            ) : null}
            {e.kind === 'file' ? <span className="media-count">video</span> : null}
          </div>
        ))}
      </div>
      <div className="picker-foot">
        <span className="picker-target" title={target ?? ''}>
          {imageCount > 0 && !selected ? (
            <>
              <Icon name="image" /> <span className="num">{imageCount}</span> images in this folder
            </>
          ) : selected ? (
            <>Selected: {targetEntry?.name}</>
          ) : (
            <span className="faint">Pick a folder or a video</span>
          )}
        </span>
        <button className="btn" data-testid="picker-use-rgb" disabled={!target || disabled} onClick={() => target && onUseRgb(target)}>
          Use as RGB
        </button>
        <button className="btn" data-testid="picker-use-normal" disabled={!target || targetIsVideo || disabled} onClick={() => target && onUseNormal(target)}>
          Use as normal maps
        </button>
      </div>
    </div>
  );
}
