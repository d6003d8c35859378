// `shown(quote, within)`: whether the element at selector `quote` is on screen as a reader
// sees it: rendered, visible, not empty and, when `within` names a box (TimelineJS's slide
// frame, which keeps every slide rendered side by side and slides the current one into
// view), inside that box. Shared by early.js and the phone's taps (taps.rs).
function shown(quote, within) {
  var element = document.querySelector(quote);
  if (!element || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
    return false;
  }
  var box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) {
    return false;
  }
  var frame = within && document.querySelector(within);
  if (!frame) {
    return !within;
  }
  var bounds = frame.getBoundingClientRect();
  return box.left >= bounds.left - 1 && box.right <= bounds.right + 1;
}
