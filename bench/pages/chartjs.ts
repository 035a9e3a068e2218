// chart.js with only the parts a line chart needs, animation off.
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { boxes, markPainted, SERIES } from './series.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale);
boxes().forEach((box, i) => {
  const s = SERIES[i]!;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', s.label);
  box.append(canvas);
  new Chart(canvas, {
    type: 'line',
    data: { labels: s.points.map((p) => p.period), datasets: [{ label: s.label, data: s.points.map((p) => p.value), borderColor: '#1f5fa8', pointRadius: 2 }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false },
  });
});
markPainted();
