// The host's own usual call: iframe-resizer 4 with its defaults (it checks that sizes come
// from the frame's origin).
iFrameResize({}, "#explainer");
