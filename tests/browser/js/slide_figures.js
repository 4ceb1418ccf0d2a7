// Each figure on the slide shown: its text, its font size in pixels, and whether it is wholly in view.
() => Array.from(document.querySelectorAll('.fp-slide:not([hidden]) .fp-value'))
    .map((node) => {
        const box = node.getBoundingClientRect();
        return {text: node.textContent, size: parseFloat(getComputedStyle(node).fontSize),
                inside: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight
                        && box.right <= innerWidth && box.height > 0};
    })
