// The page's whole height: the document's, or that of what scrolls inside Streamlit's main area.
() => Math.max(
    document.documentElement.scrollHeight,
    ...Array.from(document.querySelectorAll('[data-testid="stMain"] *, [data-testid="stMain"]'))
        .filter((node) => node.scrollHeight > node.clientHeight + 1
            && ['auto', 'scroll'].includes(getComputedStyle(node).overflowY))
        .map((node) => node.scrollHeight + node.getBoundingClientRect().top)
)
