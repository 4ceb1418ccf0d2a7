// True once the map is neither zooming nor panning: what is measured then is what stays drawn.
() => !!window.map && !window.map._animatingZoom
    && !(window.map._panAnim && window.map._panAnim._inProgress)
