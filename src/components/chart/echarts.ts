import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

/** ECharts with only what Territorio draws, registered once. */
echarts.use([LineChart, GridComponent, TooltipComponent, DatasetComponent, CanvasRenderer]);

export { echarts };
