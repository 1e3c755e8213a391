// The upload page: a file goes to POST /documents/upload (multipart, field "file"), a web address to
// POST /documents/fetch (JSON {url, refresh}); the API key goes in the X-API-Key header, never in a URL. Each answer
// is one line in the results, written with textContent: whatever the server or a notice says is text, never markup.
// The page's words come from the form's data-* attributes, so they are translated with the page.
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form) return;
  const results = document.getElementById("upload-results");
  const words = form.dataset;

  function line(text, kind, link) {
    const item = document.createElement("li");
    item.className = kind;
    item.textContent = text;
    if (link) {
      const anchor = document.createElement("a");
      anchor.href = link;
      anchor.textContent = words.open;
      item.append(" ", anchor);
    }
    results.prepend(item);
    return item;
  }

  async function send(url, options, name) {
    const pending = line(name + ": " + words.sending, "pending");
    let answer = null;
    const response = await fetch(url, options);
    try { answer = await response.json(); } catch (e) { /* not JSON: the status text says it */ }
    pending.remove();
    if (response.ok && answer) {
      const key = answer.key ? " " + answer.key : "";
      const link = answer.key ? "/explore/notice/" + encodeURIComponent(answer.key) : null;
      line(answer.status + key + " (" + answer.tasks + " " + words.tasks + "): " + answer.source, answer.status, link);
      return;
    }
    const detail = answer && answer.detail !== undefined
      ? (typeof answer.detail === "string" ? answer.detail : JSON.stringify(answer.detail)) : response.statusText;
    line(response.status + ": " + detail, "failed");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const key = String(data.get("key") || "").trim();
    const file = data.get("file");
    const address = String(data.get("url") || "").trim();
    const sent = [];
    if (file && file.name) {
      const body = new FormData();
      body.append("file", file, file.name);
      sent.push(send(form.dataset.uploadUrl, { method: "POST", headers: { "X-API-Key": key }, body: body }, file.name));
    }
    if (address) {
      sent.push(send(form.dataset.fetchUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-API-Key": key },
        body: JSON.stringify({ url: address, refresh: data.get("refresh") === "on" }),
      }, address));
    }
    if (!sent.length) line(words.nothing, "failed");
    await Promise.all(sent);
  });
})();
