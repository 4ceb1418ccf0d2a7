// Where the node's text is drawn, left and right: its text's extent, not its box's.
(node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    return {left: box.left, right: box.right};
}
