// The review feature's public face: review mode (layout, decision, notes, keys, timeline lanes),
// the status menu and filter, the take comparison, and who the user is. Its stylesheet comes with
// it (first, so it cascades before the timeline's, as it always has), so whatever shows a review
// component has the styles.
import './review.css';
export { ComparePanel } from './ComparePanel';
export { runFeatureKey } from './feature-keys';
export { NotesTab } from './NotesTab';
export { useNotes } from './notes-store';
export { ReviewBody } from './ReviewBody';
export { toggleReviewMode, useReview } from './review-store';
export { countByStatus, filterShots, sortShots, toggleSort } from './status-filter';
export { StatusFilterBar } from './StatusFilterBar';
export { StatusMenu } from './StatusMenu';
export { STATUS_LABELS } from './status-workflow';
export { useTimelineReview } from './timeline-review';
export { useShotFeatures } from './use-shot-features';
export { UserChip } from './UserName';
export { DrawingLayer } from './DrawingLayer';
