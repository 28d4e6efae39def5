// The keyboard's public face: which key does what in the shot view, the review and the head
// preview (the help overlay lists the same tables), and whether a key belongs to a text field.
export {
  isTypingTarget,
  previewKeyAction,
  shotKeyAction,
  PREVIEW_KEYS,
  REVIEW_KEYS,
  SHOT_KEYS,
  type KeyLike,
  type PreviewAction,
  type ShotAction,
} from './keymap';
