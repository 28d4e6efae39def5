// The shell: top bar, connection banner, the routed view, toasts.
import { useEffect, useState } from 'react';
import { startSync } from '../state/actions';
import { useApp } from '../state/app-store';
import { navigate, useRoute, watchRoute } from '../state/route';
import { ConnectionBanner } from '../ui/ConnectionBanner';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Toasts } from '../ui/Toasts';
import { ShotBrowser } from '../views/shot-browser/ShotBrowser';
import { ShotView } from '../views/shot-view/ShotView';
import { TopBar } from '../views/top-bar/TopBar';

export function App() {
  const route = useRoute((s) => s.route);
  const shots = useApp((s) => s.shots);
  const [openedName, setOpenedName] = useState<string | null>(null);

  useEffect(() => {
    const stopRoute = watchRoute();
    const stopSync = startSync();
    return () => {
      stopRoute();
      stopSync();
    };
  }, []);

  const shotName = route.name === 'shot' ? (shots.find((s) => s.id === route.shotId)?.name ?? openedName) : null;

  return (
    <div className="app">
      <TopBar shotName={shotName} />
      <ConnectionBanner />
      <main className="app-main">
        <ErrorBoundary key={route.name === 'shot' ? `shot-${route.shotId}` : 'shots'} onReset={() => navigate({ name: 'shots' })}>
          {route.name === 'shot' ? <ShotView shotId={route.shotId} initialFrame={route.frame} onLoaded={setOpenedName} /> : <ShotBrowser />}
        </ErrorBoundary>
      </main>
      <Toasts />
    </div>
  );
}
