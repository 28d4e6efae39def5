// What an import did: counts, every warning (frame, kind, message) and the importer's notes.
import type { ImportReport } from '../../../../electron/common/api/schemas';
import { countIssues, formatFps, formatRange, formatSize, issueLabel } from '../../state/format';

export function ImportReportView({ report }: { report: ImportReport }) {
  const { shot, warnings } = report;
  const summary = countIssues(warnings.map((w) => w.code));
  return (
    <div className="report">
      <div className={`report-head ${warnings.length ? 'has-warnings' : 'clean'}`}>
        <div>
          <div className="report-title">{shot.name}</div>
          <div className="dim">
            {warnings.length === 0 ? 'Imported cleanly.' : `Imported with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`}
          </div>
        </div>
      </div>
      <dl className="report-stats">
        <div>
          <dt>Frames imported</dt>
          <dd className="num" data-testid="report-frames-imported">
            {report.framesImported}
          </dd>
        </div>
        <div>
          <dt title="Checked by an earlier import of this shot and unchanged since">Already imported</dt>
          <dd className="num">{report.framesSkipped}</dd>
        </div>
        <div>
          <dt>Range</dt>
          <dd className="num">{formatRange(shot.firstFrame, shot.lastFrame)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd className="num">{formatSize(shot.width, shot.height)}</dd>
        </div>
        <div>
          <dt>FPS</dt>
          <dd className="num">{formatFps(shot.fps)}</dd>
        </div>
        <div>
          <dt>Normal maps</dt>
          <dd>{shot.hasNormal ? 'Yes' : 'No'}</dd>
        </div>
      </dl>
      {report.notes.length > 0 ? (
        <ul className="report-notes">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <div className="warn-summary">
            {summary.map(([code, n]) => (
              <span key={code} className="pill">
                {issueLabel(code)} <span className="num">{n}</span>
              </span>
            ))}
          </div>
          <div className="report-table-wrap">
            <table className="report-table" data-testid="report-warnings">
              <thead>
                <tr>
                  <th>Frame</th>
                  <th>Issue</th>
                  <th>Details</th>
                </tr>
              </thead>
              <tbody>
                {warnings.map((w, i) => (
                  <tr key={i}>
                    <td className="num">{w.frame}</td>
                    <td>{issueLabel(w.code)}</td>
                    <td className="dim">{w.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
