// How many font faces the document loads to draw an Arabic word in Noto Sans Arabic.
async () => {
    const faces = await document.fonts.load('16px "Noto Sans Arabic"', 'خريطة');
    return faces.length;
}
