// App header: product, open project, where we are, which host carries the API, running jobs.
import { useApp } from '../../state/app-store';
import { navigate, useRoute } from '../../state/route';
import { useEffect } from 'react';
import { UserChip } from '../../review';
import { startSolveSync } from '../../solve';

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="8.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M6 8.2c1.4-1.4 2.6-1.4 4 0M10 8.2c1.4-1.4 2.6-1.4 4 0M6.8 13c2 1.7 4.4 1.7 6.4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function TopBar({ shotName }: { shotName: string | null }) {
  const project = useApp((s) => s.project);
  const connection = useApp((s) => s.connection);
  const jobs = useApp((s) => s.jobs);
  const route = useRoute((s) => s.route);
  const job = Object.values(jobs)[0];
  // The top bar lives as long as the app: it keeps the solve queue's state current for every view.
  useEffect(() => startSolveSync(), []);

  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span>RigSolve</span>
      </div>
      <nav className="crumbs" aria-label="Location">
        <span className="project-name" title={project?.path} data-testid="project-name">
          {project ? project.name : 'No project'}
        </span>
        <span className="sep">/</span>
        {route.name === 'shot' ? (
          <>
            <button className="crumb-link" onClick={() => navigate({ name: 'shots' })}>
              Shots
            </button>
            <span className="sep">/</span>
            <span className="crumb-current">{shotName ?? `Shot ${route.shotId}`}</span>
          </>
        ) : (
          <span className="crumb-current">Shots</span>
        )}
      </nav>
      <div className="topbar-right">
        {job ? (
          <div className="job-mini" title={job.label}>
            <span className="spinner" />
            <span className="job-label">{job.label}</span>
            <span className="num dim">{job.total > 0 ? `${job.done}/${job.total}` : ''}</span>
          </div>
        ) : null}
        {project?.readOnly ? <span className="pill">Read-only</span> : null}
        <UserChip />
        <span className="pill" title={connection.state === 'open' ? 'Connected' : 'Not connected'} data-testid="host-pill">
          <span className={`dot ${connection.state === 'open' ? '' : connection.state === 'lost' ? 'bad' : 'warn'}`} />
          {project?.host === 'electron' ? 'Desktop' : 'Browser host'}
        </span>
      </div>
    </header>
  );
}
