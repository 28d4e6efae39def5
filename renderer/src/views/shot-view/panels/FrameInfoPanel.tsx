// What the frame table says about the frame under the playhead.
import { useMemo } from 'react';
import { usePlayhead } from '../../../state/playhead';
import { formatSize, issueLabel } from '../../../state/format';
import { shortenPath } from '../../../state/paths';
import type { ShotPanelProps } from '../../../ui/shot-panel';

export function FrameInfoPanel({ shot, frames }: ShotPanelProps) {
  const frame = usePlayhead((s) => s.frame);
  const byFrame = useMemo(() => new Map(frames.map((f) => [f.frame, f])), [frames]);
  const info = byFrame.get(frame);
  const bad = useMemo(() => frames.filter((f) => f.status !== 'ok').length, [frames]);

  return (
    <div className="frame-info">
      <dl className="kv">
        <dt>Frame</dt>
        <dd className="num">{frame}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`dot ${info?.status === 'missing' || !info ? 'bad' : info.status === 'warning' ? 'warn' : ''}`} /> {info ? info.status : 'missing'}
        </dd>
        <dt>RGB plate</dt>
        <dd>{info?.hasRgb ? (info.status === 'missing' ? 'unreadable' : 'yes') : 'no'}</dd>
        <dt>Normal map</dt>
        <dd>{shot.hasNormal ? (info?.hasNormal ? 'yes' : 'no') : '—'}</dd>
        <dt>Size</dt>
        <dd className="num">{formatSize(info?.width ?? null, info?.height ?? null)}</dd>
      </dl>
      {info && info.issues.length > 0 ? (
        <ul className="issue-list">
          {info.issues.map((i, k) => (
            <li key={k}>
              <strong>{issueLabel(i.code)}</strong>
              <span className="dim">{i.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="section-title">Shot</div>
      <dl className="kv">
        <dt>Source</dt>
        <dd className="mono path" title={shot.rgbSource}>
          {shortenPath(shot.rgbSource, 28)}
        </dd>
        {shot.normalSource ? (
          <>
            <dt>Normals</dt>
            <dd className="mono path" title={shot.normalSource}>
              {shortenPath(shot.normalSource, 28)}
            </dd>
            <dt>Convention</dt>
            <dd>{shot.normalConvention === 'opengl' ? 'OpenGL (+Y up)' : 'DirectX (+Y down)'}</dd>
          </>
        ) : null}
        <dt>Frames</dt>
        <dd className="num">
          {shot.frameCount}
          {bad > 0 ? <span className="warn-text"> · {bad} with warnings</span> : null}
        </dd>
      </dl>
    </div>
  );
}
