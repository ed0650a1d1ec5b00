/*
 * TEST ONLY: a stand-in for a vendor's WLT-to-BMP photo decoder (libwlt's unpack interface). It does not decompress
 * anything: it paints a 102x126 24-bit BMP whose colour comes from the block's first three bytes, so a test can tell
 * the decoder ran on the card's own block. A block starting "BAD!" is refused (answers 0), as a damaged block would be.
 * Built by the tests with: gcc -shared -fPIC -o libfakewlt.so fake_wlt.c
 */
#include <string.h>

#define WIDTH 102
#define HEIGHT 126
#define ROW 308 /* 102 * 3 padded to a multiple of 4 */
#define HEADER 54
#define LENGTH (HEADER + ROW * HEIGHT) /* 38862 */

static void put32(unsigned char *p, unsigned int v)
{
    p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); p[2] = (unsigned char)(v >> 16); p[3] = (unsigned char)(v >> 24);
}

int unpack(const unsigned char *wlt, unsigned char *bmp, int save_file)
{
    (void)save_file;
    if (memcmp(wlt, "BAD!", 4) == 0)
        return 0;
    memset(bmp, 0, LENGTH);
    bmp[0] = 'B'; bmp[1] = 'M';
    put32(bmp + 2, LENGTH);
    put32(bmp + 10, HEADER);
    put32(bmp + 14, 40);
    put32(bmp + 18, WIDTH);
    put32(bmp + 22, HEIGHT);
    bmp[26] = 1;
    bmp[28] = 24;
    put32(bmp + 34, ROW * HEIGHT);
    for (int y = 0; y < HEIGHT; y++)
        for (int x = 0; x < WIDTH; x++)
        {
            unsigned char *pixel = bmp + HEADER + y * ROW + x * 3;
            pixel[0] = wlt[2]; pixel[1] = wlt[1]; pixel[2] = wlt[0]; /* BGR */
        }
    return 1;
}
