// Whether Streamlit says the page's script is no longer running.
() => document.querySelector('[data-testid="stApp"]')
  ?.getAttribute('data-test-script-state') === 'notRunning'
