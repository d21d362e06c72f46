// Live progress of an import run: fetches the run's JSON status every second and puts the figures (formatted by the
// server) into the elements marked data-field. Once the run has ended the page is loaded again, to show its final
// summary and errors. Without script, the page refreshes itself instead (a meta refresh in <noscript>).
"use strict";

(() => {
    const panel = document.querySelector("[data-import-status]");
    if (!panel) {
        return;
    }

    const progress = panel.querySelector("progress");

    async function poll() {
        let status;
        try {
            const response = await fetch(panel.dataset.importStatus, { headers: { Accept: "application/json" }, cache: "no-store" });
            if (!response.ok) {
                return;
            }
            status = await response.json();
        } catch {
            return; // A dropped request is retried on the next tick.
        }

        for (const [name, text] of Object.entries(status.fields)) {
            const element = panel.querySelector(`[data-field="${name}"]`);
            if (element) {
                element.textContent = text;
            }
        }
        if (progress && typeof status.percent === "number") {
            progress.value = status.percent;
        }
        if (!status.canCancel) {
            panel.querySelector(".cancel-import")?.remove();
        }
        if (status.finished) {
            clearInterval(timer);
            location.reload();
        }
    }

    const timer = setInterval(poll, 1000);
})();
