// The words of the shown slide's figures that are drawn across two lines (a reader would see
// "announce" on one line and "d)" on the next); a sign and its number (`≈ 100`) are one word.
() => {
    const split = [];
    document.querySelectorAll('.fp-slide:not([hidden]) .fp-value').forEach((node) => {
        const text = node.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return;
        for (const match of text.data.matchAll(/(?:[≈≥]\s)?\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set(Array.from(range.getClientRects(), (box) => Math.round(box.top)));
            if (lines.size > 1) split.push(match[0]);
        }
    });
    return split;
}
