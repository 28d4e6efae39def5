// Start-up: pick the host's API, install it, render the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/create-api';
import { setApi } from './api/current';
import { App } from './app/App';
import './styles/base.css';
import './styles/shell.css';

setApi(createApi(window));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
