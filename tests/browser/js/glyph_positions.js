// Where each character of a text node is drawn, in the node's (logical) order.
(element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const glyphs = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getBoundingClientRect();
            if (box.width > 0) glyphs.push({char: node.data[i], x: box.left});
        }
    }
    return {text: element.textContent, glyphs: glyphs};
}
