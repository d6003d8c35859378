// The document, every resource it loaded, and its icon: Chromium fetches an icon once per
// session and keeps it, so only the first load lists it, yet every first visit pays for it.
function loaded() {
  var urls = [location.href].concat(
    performance.getEntriesByType("resource").map(function (entry) { return entry.name; })
  );
  document.querySelectorAll('link[rel~="icon"]').forEach(function (link) {
    if (/^https?:/.test(link.href) && urls.indexOf(link.href) < 0) {
      urls.push(link.href);
    }
  });
  return urls;
}
