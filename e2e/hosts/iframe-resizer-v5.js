// The host's own usual call: @iframe-resizer/parent 5 with its defaults (it checks that sizes
// come from the frame's origin), under the open-source licence it asks hosts to name.
iframeResize({ license: "GPLv3" }, "#explainer");
