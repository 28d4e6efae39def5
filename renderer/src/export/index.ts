// The export feature's public face: the shot's export dialog and the batch export of approved shots.
export { BatchExportDialog } from './BatchExportDialog';
export { ExportDialog } from './ExportDialog';
