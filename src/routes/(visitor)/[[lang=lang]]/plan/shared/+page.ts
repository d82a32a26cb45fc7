// A shared plan travels in the link's fragment (#…), which browsers never send to a server: the
// page decodes and renders it in the browser, from the offline mirror.
export const ssr = false;
