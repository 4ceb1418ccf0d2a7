// The text of each figure or credit on the slide shown that reaches past the window's bottom or right.
() => Array.from(document.querySelectorAll(
        '.fp-slide:not([hidden]) .fp-value, .fp-slide:not([hidden]) .fp-credit'))
    .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.bottom > innerHeight || box.right > innerWidth;
    }).map((node) => node.textContent)
