// The notice page's corrections form: posts JSON to POST /documents/{key}/corrections with the key in the
// X-API-Key header (never in a URL), then reloads the page, which shows the graph as corrected. Answers are shown
// with textContent: whatever the server or the analyst wrote is text, never markup.
(function () {
  "use strict";
  const form = document.getElementById("correction-form");
  if (!form) return;
  const status = document.getElementById("correction-status");
  const textSource = document.getElementById("ui-text");
  const ui = Object.assign({ saving: "saving…", saved: "saved" }, textSource ? JSON.parse(textSource.textContent) : {});
  const names = (text) => text.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
  const value = (data, name) => String(data.get(name) || "").trim();

  function body(data) {
    const sent = { note: value(data, "note") };
    const target = form.elements.target.selectedOptions[0];
    if (target && target.value) {
      Object.assign(sent, { task: Number(target.value), number: target.dataset.number, title: target.dataset.title });
      for (const role of ["lead", "cooperating"]) if (value(data, role)) sent[role] = names(value(data, role));
      const kind = value(data, "deadline_kind");
      if (kind) sent.deadline = { kind: kind, date: value(data, "deadline_date") || null, as_written: value(data, "deadline_text") || null };
    } else {
      for (const field of ["doc_no", "issuer", "level", "region", "date", "parent"]) if (value(data, field)) sent[field] = value(data, field);
    }
    return sent;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    status.textContent = ui.saving;
    const response = await fetch(form.dataset.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": value(data, "key") },
      body: JSON.stringify(body(data)),
    });
    if (response.ok) {
      status.textContent = ui.saved;
      window.location.reload();
      return;
    }
    let detail = response.statusText;
    try {
      const answer = await response.json();
      detail = typeof answer.detail === "string" ? answer.detail : JSON.stringify(answer.detail);
    } catch (e) { /* not JSON: keep the status text */ }
    status.textContent = response.status + ": " + detail;
  });
})();
