// The export channels, behind named functions so the dialogs do not spell channel names.
import type { ChannelArgs, ChannelResult } from '../../../electron/common/api/contract';
import { api } from '../api/current';

export type ExportShotRequest = ChannelArgs<'export.shot'>;
export type ExportShotResult = ChannelResult<'export.shot'>;
export type ExportApprovedRequest = ChannelArgs<'export.approved'>;
export type ExportApprovedResult = ChannelResult<'export.approved'>;

export function exportShotFile(req: ExportShotRequest): Promise<ExportShotResult> {
  return api().call('export.shot', req);
}

export function exportApprovedShots(req: ExportApprovedRequest): Promise<ExportApprovedResult> {
  return api().call('export.approved', req);
}

/** The project's last export (format and settings), for the dialogs to open with; null before its first. */
export function rememberedExportSettings(): Promise<ChannelResult<'export.remembered'>> {
  return api().call('export.remembered', {});
}
