// A page with no map is done when its first count card shows (`expected`, the number of cities
// it counts, if given) and Streamlit says the script is no longer running.
expected => {
  const app = document.querySelector('[data-testid="stApp"]');
  const value = document.querySelector('[data-testid="stMetricValue"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !!value && (expected == null || value.textContent.trim() === expected);
}
