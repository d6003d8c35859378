// The press floor page (site.rs): a tap on one of its two buttons presses it and names it on
// the line below, an attribute and a text, so the tap must paint. Nothing else runs.
"use strict";
const buttons = document.querySelectorAll("button");
const line = document.querySelector("output");
for (const button of buttons) {
  button.addEventListener("click", () => {
    for (const other of buttons) other.setAttribute("aria-pressed", String(other === button));
    line.textContent = `${button.textContent} pressed`;
  });
}
