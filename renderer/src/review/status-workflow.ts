// The review workflow's menus read the one copy of the rules the host enforces
// (electron/common/review/status-rules.ts), so the menu offers exactly what the API accepts.
export {
  nextStatus,
  STATUS_LABELS,
  STATUS_ORDER,
  statusOptions,
  statusRefusal,
  type Role,
  type StatusOption,
} from '../../../electron/common/review/status-rules';
