// The editors' loop only (`cargo xtask serve`, or a debug build of plain `trunk serve` over a
// broken content file; never a release build): shows the content file's problems over the last
// good page, and reloads the page when a new one is built. Asks for the state (its address in
// `data-state`) every 250 ms.
"use strict";
(function () {
  const STATE = document.currentScript.dataset.state;
  const EVERY = 250;
  let shownBuild = null;
  let panel = null;

  function place(problem) {
    return problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  }

  function item(problem) {
    const li = document.createElement("li");
    const head = document.createElement("p");
    const where = document.createElement("code");
    where.textContent = place(problem);
    const field = document.createElement("strong");
    field.textContent = ` ${problem.field}: `;
    head.append(where, field, problem.message);
    li.append(head);
    if (problem.text) {
      const line = document.createElement("pre");
      const caret = " ".repeat(Math.max(problem.column - 1, 0)) + "^";
      line.textContent = `${problem.line} | ${problem.text}\n${" ".repeat(String(problem.line).length)} | ${caret}`;
      li.append(line);
    }
    if (problem.hint) {
      const hint = document.createElement("p");
      hint.className = "live-problems__hint";
      hint.textContent = `Hint: ${problem.hint}`;
      li.append(hint);
    }
    return li;
  }

  function show(problems) {
    if (problems.length === 0) {
      panel?.remove();
      panel = null;
      return;
    }
    panel ??= document.createElement("section");
    panel.className = "live-problems";
    panel.setAttribute("aria-labelledby", "live-problems-heading");
    const heading = document.createElement("h2");
    heading.id = "live-problems-heading";
    heading.textContent = `${problems.length} problem(s) in the content file: the page below is the last good one`;
    const list = document.createElement("ol");
    list.append(...problems.map(item));
    panel.replaceChildren(heading, list);
    if (!panel.isConnected) {
      document.body.prepend(panel);
    }
  }

  async function ask() {
    try {
      const state = await (await fetch(STATE, { cache: "no-store" })).json();
      if (shownBuild === null) {
        shownBuild = state.build;
      } else if (state.build !== shownBuild) {
        location.reload();
        return;
      }
      show(state.problems);
    } catch {
      // The server is restarting: ask again.
    }
    setTimeout(ask, EVERY);
  }

  ask();
})();
